"""create trades

Revision ID: c0re00000002
Revises: c0re00000001
Create Date: 2024-07-01 09:30:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c0re00000002'
down_revision = 'c0re00000001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("trades", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade() -> None:
    op.drop_table("trades")
