# From Arize-ai/phoenix, src/phoenix/server/api/__init__.py (fix 4275ed1c7a320feb68cb0994194116ab6f2731ef; before/ is its parent).
