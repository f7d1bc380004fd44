-- Runs after 9 (versions are numbers, not text): fills must exist.
ALTER TABLE fills ADD COLUMN venue text NOT NULL DEFAULT 'XNAS';
ALTER TABLE fills ADD CONSTRAINT fills_qty_positive CHECK (qty > 0);
