# Reduced from langgenius/dify, api/extensions/ext_code_based_extension.py at bd482eb8eff3ab44b2d6449d637e6cf6b834b6ad (parent of fix acd209a890507da03a7d2904da349225eb016381)
from core.extension.extension import Extension
from dify_app import DifyApp


def init_app(app: DifyApp):
    code_based_extension.init()


code_based_extension = Extension()
