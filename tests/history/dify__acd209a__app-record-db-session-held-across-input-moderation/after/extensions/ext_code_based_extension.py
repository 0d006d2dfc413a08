# Reduced from langgenius/dify, api/extensions/ext_code_based_extension.py at acd209a890507da03a7d2904da349225eb016381 (the fix)
from core.extension.extension import Extension
from dify_app import DifyApp


def init_app(app: DifyApp):
    code_based_extension.init()


code_based_extension = Extension()
