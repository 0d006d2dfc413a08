# Reduced from Arize-ai/phoenix, src/phoenix/server/api/helpers/__init__.py, at 54943a5d5efc1875834dd48c7e4deadce0f5f984 (parent of fix f40c9f7d1dfef9f2748904c8d63300cfc26872bf).
