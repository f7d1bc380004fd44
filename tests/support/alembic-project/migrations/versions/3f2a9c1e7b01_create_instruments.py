"""create instruments

Revision ID: 3f2a9c1e7b01
Revises:
Create Date: 2026-11-02 09:14:21.480113

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '3f2a9c1e7b01'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'instruments',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('symbol', sa.String(32), nullable=False, unique=True),
        sa.Column('tick_size', sa.Numeric(18, 8), nullable=False),
    )


def downgrade() -> None:
    op.drop_table('instruments')
