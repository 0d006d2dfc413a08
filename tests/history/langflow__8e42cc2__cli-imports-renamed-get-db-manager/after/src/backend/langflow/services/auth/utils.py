# From langflow-ai/langflow, src/backend/langflow/services/auth/utils.py (fix 8e42cc2035c42ba282e966bc92f672db71701900; before/ is its parent), reduced.
def create_super_user(db, username: str, password: str):
    # (user lookup and creation cut)
    return None
