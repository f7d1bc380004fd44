// Package migrations embeds the SQL files so that the service migrates itself on start-up.
package migrations

import "embed"

//go:embed *.sql
var FS embed.FS
