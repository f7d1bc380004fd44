"""create orders

Revision ID: 8d4e6b2a9c13
Revises: 3f2a9c1e7b01
Create Date: 2026-11-03 16:40:02.117920

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '8d4e6b2a9c13'
down_revision = '3f2a9c1e7b01'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'orders',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('instrument_id', sa.Integer(), sa.ForeignKey('instruments.id'), nullable=False),
        sa.Column('side', sa.String(4), nullable=False),
        sa.Column('quantity', sa.Numeric(18, 8), nullable=False),
    )
    op.create_index('ix_orders_instrument', 'orders', ['instrument_id'])


def downgrade() -> None:
    op.drop_index('ix_orders_instrument', table_name='orders')
    op.drop_table('orders')
