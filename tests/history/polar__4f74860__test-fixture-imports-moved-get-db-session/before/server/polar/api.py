# From polarsource/polar, server/polar/api.py (fix 4f748605f49cfd03f45b8bc3b6da33871b74f2ae; before/ is its parent), reduced.
from fastapi import APIRouter

# (the routers of polar.user, polar.issue, polar.reward, ... cut)

router = APIRouter(prefix="/api/v1")
