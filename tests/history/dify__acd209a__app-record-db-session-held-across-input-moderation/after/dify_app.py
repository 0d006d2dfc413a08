# Reduced from langgenius/dify, api/dify_app.py at acd209a890507da03a7d2904da349225eb016381 (the fix)
from flask import Flask


class DifyApp(Flask):
    pass
