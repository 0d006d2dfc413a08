# Reduced from langgenius/dify, api/services/__init__.py at c06cfcbb5add7f059398179a70f87d359bb95e9c (the fix)
