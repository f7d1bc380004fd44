"""create positions

Revision ID: c71f0a5d2e44
Revises: 3f2a9c1e7b01
Create Date: 2026-11-03 17:02:55.903311

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c71f0a5d2e44'
down_revision = '3f2a9c1e7b01'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'positions',
        sa.Column('instrument_id', sa.Integer(), sa.ForeignKey('instruments.id'), primary_key=True),
        sa.Column('net_quantity', sa.Numeric(18, 8), nullable=False, server_default='0'),
    )


def downgrade() -> None:
    op.drop_table('positions')
