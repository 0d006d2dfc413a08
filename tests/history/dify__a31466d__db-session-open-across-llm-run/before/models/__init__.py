# Reduced from langgenius/dify, api/models/__init__.py at d38eac959bac18b20e67eab4ecddb26406a212a8 (parent of fix a31466d34e280284216b638e1fcd89e0db9bfff4)
# -*- coding:utf-8 -*-
