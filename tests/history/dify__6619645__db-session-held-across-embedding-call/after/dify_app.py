# Reduced from langgenius/dify, api/dify_app.py at 66196459d5a9737f65464f257ffa89011fa96c0f (the fix)
from flask import Flask


class DifyApp(Flask):
    pass
