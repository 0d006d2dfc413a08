# Reduced from langgenius/dify, api/libs/helper.py at 66196459d5a9737f65464f257ffa89011fa96c0f (the fix)
from hashlib import sha256


def generate_text_hash(text: str) -> str:
    hash_text = str(text) + "None"
    return sha256(hash_text.encode()).hexdigest()
