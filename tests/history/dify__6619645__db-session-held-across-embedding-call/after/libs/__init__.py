# Reduced from langgenius/dify, api/libs/__init__.py at 66196459d5a9737f65464f257ffa89011fa96c0f (the fix)
