DROP INDEX alerts_unacked;
