"""create fills

Revision ID: 5b0c8e2f9d77
Revises: e9b3d7f1a655
Create Date: 2026-11-05 11:05:47.201593

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '5b0c8e2f9d77'
down_revision = 'e9b3d7f1a655'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'fills',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('order_id', sa.Integer(), sa.ForeignKey('orders.id'), nullable=False),
        sa.Column('price', sa.Numeric(18, 8), nullable=False),
        sa.Column('quantity', sa.Numeric(18, 8), nullable=False),
    )
    op.execute("INSERT INTO instruments (symbol, tick_size) VALUES ('EURUSD', 0.00001)")


def downgrade() -> None:
    op.execute("DELETE FROM instruments WHERE symbol = 'EURUSD'")
    op.drop_table('fills')
