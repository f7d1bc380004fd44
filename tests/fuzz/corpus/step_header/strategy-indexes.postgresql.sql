-- Migration: 001_strategy_management_indexes
-- Description: Indexes of the strategy management tables - lookups, foreign keys and reporting queries
-- Created: 2026-11-21
-- strata:phase indexes
-- strata:dialect postgresql
--
-- Not repeated here because a unique constraint of 01_tables already indexes them:
--   strategy_registry(strategy_id), strategy_registry(name, version) (also serves lookups by name),
--   strategy_versions(strategy_id, version), strategy_lineage(ancestor_id, descendant_id).

-- strategy_registry: strategies by status, newest first, children of a parent (foreign key
-- parent_id), and the integrity hashes used to find identical configurations.
CREATE INDEX idx_strategy_registry_status_created ON strategy_registry (status, created_at);
CREATE INDEX idx_strategy_registry_created_at ON strategy_registry (created_at);
CREATE INDEX idx_strategy_registry_parent_created ON strategy_registry (parent_id, created_at);
CREATE INDEX idx_strategy_registry_config_hash ON strategy_registry (config_hash);
CREATE INDEX idx_strategy_registry_component_hash ON strategy_registry (component_hash);

-- strategy_versions: a strategy's history in order (foreign key strategy_id), recent changes overall.
CREATE INDEX idx_strategy_versions_strategy_created ON strategy_versions (strategy_id, created_at);
CREATE INDEX idx_strategy_versions_created_at ON strategy_versions (created_at);

-- strategy_performance: a strategy's results by period (foreign key strategy_id), results of one kind
-- (backtest, paper, live) by period, and rankings by return and Sharpe ratio.
CREATE INDEX idx_strategy_performance_strategy_period ON strategy_performance (strategy_id, period_start);
CREATE INDEX idx_strategy_performance_type_period ON strategy_performance (period_type, period_start);
CREATE INDEX idx_strategy_performance_period_end ON strategy_performance (period_end);
CREATE INDEX idx_strategy_performance_return_sharpe ON strategy_performance (total_return_pct, sharpe_ratio);

-- strategy_lineage: descendants of a strategy and ancestors of a strategy, nearest first (foreign keys
-- ancestor_id and descendant_id), and relationships of one type.
CREATE INDEX idx_strategy_lineage_ancestor ON strategy_lineage (ancestor_id, generation_distance);
CREATE INDEX idx_strategy_lineage_descendant ON strategy_lineage (descendant_id, generation_distance);
CREATE INDEX idx_strategy_lineage_relationship_type ON strategy_lineage (relationship_type);
