"""create instruments

Revision ID: a1000000base
Revises: 
Create Date: 2024-03-04 10:15:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'a1000000base'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "instruments",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("symbol", sa.String(64), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("instruments")
