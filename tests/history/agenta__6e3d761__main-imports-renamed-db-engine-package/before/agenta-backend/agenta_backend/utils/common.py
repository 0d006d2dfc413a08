# From Agenta-AI/agenta, agenta-backend/agenta_backend/utils/common.py (fix 6e3d761e40e58c6d4fff7e0a9720617f42a280c0; before/ is its parent), reduced.
import os


def isCloudEE():
    return os.environ["FEATURE_FLAG"] in ["cloud", "ee", "cloud-dev"]


def isCloudProd():
    return os.environ["FEATURE_FLAG"] == "cloud"


def isCloudDev():
    return os.environ["FEATURE_FLAG"] == "cloud-dev"


def isEE():
    return os.environ["FEATURE_FLAG"] == "ee"


def isOss():
    return os.environ["FEATURE_FLAG"] == "oss"
