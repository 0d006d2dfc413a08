# From Agenta-AI/agenta, api/ee/src/dbs/postgres/subscriptions/dbas.py (fix 7aedca98e39927397a6dfcfb4e3c6d1683a991e0; before/ is its parent).
from sqlalchemy import Column, String, Boolean, SmallInteger

from oss.src.dbs.postgres.shared.dbas import OrganizationScopeDBA


class StripeDBA:
    customer_id = Column(String, nullable=True)
    subscription_id = Column(String, nullable=True)


class SubscriptionDBA(
    OrganizationScopeDBA,
    StripeDBA,
):
    __abstract__ = True

    plan = Column(String, nullable=False)
    active = Column(Boolean, nullable=False)
    anchor = Column(SmallInteger, nullable=True)
