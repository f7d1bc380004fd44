-- Migration: 001_strategy_management_indexes
-- Description: Roll back the indexes of the strategy management tables
-- Created: 2026-11-21
-- strata:phase indexes
-- strata:dialect sqlite

DROP INDEX idx_strategy_lineage_relationship_type;
DROP INDEX idx_strategy_lineage_descendant;
DROP INDEX idx_strategy_lineage_ancestor;

DROP INDEX idx_strategy_performance_return_sharpe;
DROP INDEX idx_strategy_performance_period_end;
DROP INDEX idx_strategy_performance_type_period;
DROP INDEX idx_strategy_performance_strategy_period;

DROP INDEX idx_strategy_versions_created_at;
DROP INDEX idx_strategy_versions_strategy_created;

DROP INDEX idx_strategy_registry_component_hash;
DROP INDEX idx_strategy_registry_config_hash;
DROP INDEX idx_strategy_registry_parent_created;
DROP INDEX idx_strategy_registry_created_at;
DROP INDEX idx_strategy_registry_status_created;
