"""create risk limits

Revision ID: c3000000risk
Revises: a1000000base
Create Date: 2024-03-04 10:15:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c3000000risk'
down_revision = 'a1000000base'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "risk_limits",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("desk", sa.String(64), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("risk_limits")
