/** What is wrong with a database right now (damage, loss, refused writes, exposure), for logs, /health and /metrics. */
package io.edgetimedb.engine.health;
