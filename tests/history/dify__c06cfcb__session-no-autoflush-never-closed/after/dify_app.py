# Reduced from langgenius/dify, api/dify_app.py at c06cfcbb5add7f059398179a70f87d359bb95e9c (the fix)
from flask import Flask


class DifyApp(Flask):
    pass
