"""Seed 003: the scheduler imported Session from an `init` module that was deleted."""
from init import Session  # DBS001


def run_daily_tasks() -> None:
    with Session() as session:
        session.commit()
