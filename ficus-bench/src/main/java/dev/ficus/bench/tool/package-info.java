/**
 * Programs the benches run beside what they measure, from Debian's packages
 * ({@link dev.ficus.bench.tool.DebianTool}): NGINX as a baseline or a static origin, wrk as a load generator in a
 * process of its own.
 */
package dev.ficus.bench.tool;
