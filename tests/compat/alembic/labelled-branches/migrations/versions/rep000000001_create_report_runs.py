"""create report runs

Revision ID: rep000000001
Revises: 
Create Date: 2024-07-01 09:30:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'rep000000001'
down_revision = None
branch_labels = ('reports',)
depends_on = None


def upgrade() -> None:
    op.create_table("report_runs", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade() -> None:
    op.drop_table("report_runs")
