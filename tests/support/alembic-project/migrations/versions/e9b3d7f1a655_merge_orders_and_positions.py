"""merge orders and positions

Revision ID: e9b3d7f1a655
Revises: 8d4e6b2a9c13, c71f0a5d2e44
Create Date: 2026-11-04 08:30:12.662045

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'e9b3d7f1a655'
down_revision = ('8d4e6b2a9c13', 'c71f0a5d2e44')
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('orders', sa.Column('position_open', sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table('orders') as batch:
        batch.drop_column('position_open')
