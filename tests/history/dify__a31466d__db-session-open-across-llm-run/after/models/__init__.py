# Reduced from langgenius/dify, api/models/__init__.py at a31466d34e280284216b638e1fcd89e0db9bfff4 (the fix)
# -*- coding:utf-8 -*-
