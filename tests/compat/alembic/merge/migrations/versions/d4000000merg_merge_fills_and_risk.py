"""merge fills and risk

Revision ID: d4000000merg
Revises: b2000000fill, c3000000risk
Create Date: 2024-03-04 10:15:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'd4000000merg'
down_revision = ('b2000000fill', 'c3000000risk')
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
