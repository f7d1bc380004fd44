"""create books

Revision ID: c0re00000001
Revises: 
Create Date: 2024-07-01 09:30:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c0re00000001'
down_revision = None
branch_labels = ('core',)
depends_on = None


def upgrade() -> None:
    op.create_table("books", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade() -> None:
    op.drop_table("books")
