"""create book reports

Revision ID: rep000000002
Revises: rep000000001
Create Date: 2024-07-01 09:30:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'rep000000002'
down_revision = 'rep000000001'
branch_labels = None
depends_on = ('core',)


def upgrade() -> None:
    op.create_table("book_reports", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade() -> None:
    op.drop_table("book_reports")
