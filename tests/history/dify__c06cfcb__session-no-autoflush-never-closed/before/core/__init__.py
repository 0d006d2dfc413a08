# Reduced from langgenius/dify, api/core/__init__.py at ddf619264356f360d99e5e891cfce957c1bf9b4e (parent of fix c06cfcbb5add7f059398179a70f87d359bb95e9c)
