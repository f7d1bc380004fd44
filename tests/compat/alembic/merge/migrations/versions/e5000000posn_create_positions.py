"""create positions

Revision ID: e5000000posn
Revises: d4000000merg
Create Date: 2024-03-04 10:15:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'e5000000posn'
down_revision = 'd4000000merg'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "positions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("book", sa.String(64), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("positions")
