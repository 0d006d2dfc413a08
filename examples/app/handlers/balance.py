from aiogram import F, Router
from aiogram.types import CallbackQuery, Message
from sqlalchemy.orm import Session

from app.models import Payment, User

router = Router()


@router.message(F.text == "/balance")
async def show_balance(message: Message, session: Session, user: User) -> None:
    payments = session.query(Payment).filter_by(user_id=user.id).limit(5).all()  # DBS009
    lines = [f"{p.created_at:%d.%m} {p.amount}" for p in payments]
    await message.answer("\n".join(lines) or "No payments yet")


@router.callback_query(F.data == "upgrade_rank")
async def upgrade_rank(callback_query: CallbackQuery, session: Session, user: User) -> None:
    user.rank = "builder"
    session.commit()  # DBS009
    await callback_query.answer("Rank upgraded")
