# Reduced from Arize-ai/phoenix, src/phoenix/server/api/helpers/__init__.py, at f40c9f7d1dfef9f2748904c8d63300cfc26872bf (the fix).
