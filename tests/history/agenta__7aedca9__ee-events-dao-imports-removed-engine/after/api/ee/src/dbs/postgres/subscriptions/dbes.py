# From Agenta-AI/agenta, api/ee/src/dbs/postgres/subscriptions/dbes.py (fix 7aedca98e39927397a6dfcfb4e3c6d1683a991e0; before/ is its parent).
from sqlalchemy import PrimaryKeyConstraint
from sqlalchemy.orm import relationship


from oss.src.dbs.postgres.shared.base import Base
from ee.src.dbs.postgres.subscriptions.dbas import SubscriptionDBA


class SubscriptionDBE(Base, SubscriptionDBA):
    __tablename__ = "subscriptions"

    __table_args__ = (
        PrimaryKeyConstraint(
            "organization_id",
        ),
    )

    meters = relationship("MeterDBE", back_populates="subscription")
