# -*- coding: utf-8 -*-
"""add order notes

Revision ID: 3c4d5e6f7081
Revises: 2b3c4d5e6f70
Create Date: 2024-06-01 12:00:00

Notes are free text the desk writes on an order.
"""
from alembic import op
import sqlalchemy as sa

revision = '3c4d5e6f7081'  # this revision
down_revision = '2b3c4d5e6f70'  # the one before
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("orders") as batch:
        batch.add_column(sa.Column("notes", sa.Text(), nullable=True))


def downgrade():
    with op.batch_alter_table("orders") as batch:
        batch.drop_column("notes")
