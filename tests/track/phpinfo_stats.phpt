--TEST--
phpinfo() lists the status, catalog size, every directive and the export counters; stats() has every documented key
--INI--
spectra.otel.exporter=none
--FILE--
<?php
ob_start();
phpinfo(INFO_MODULES);
$info = ob_get_clean();
$section = substr($info, strpos($info, "\nspectra\n"));
foreach (['Spectra AI observability => enabled', 'Built-in price catalog => 1911 prices', 'Price catalog source => @pydantic/genai-prices 0.1.8 (2026-09-23), 1694 models; 217 rows of data/pricing-catalog.csv', 'Export exporter => none', 'Export sent => 0',
          'Export dropped => 0', 'Export thread_alive => '] as $needle) {
    echo $needle, ': ', str_contains($section, $needle) ? 'yes' : 'NO', "\n";
}
$directives = ['spectra.enabled', 'spectra.auto_capture', 'spectra.capture_content', 'spectra.span_compat', 'spectra.request_transformer',
    'spectra.event_dispatcher', 'spectra.pricing_file', 'spectra.default_pricing_tier', 'spectra.otel.enabled', 'spectra.otel.endpoint',
    'spectra.otel.headers', 'spectra.otel.timeout', 'spectra.otel.protocol', 'spectra.otel.compression', 'spectra.otel.exporter',
    'spectra.otel.service_name', 'spectra.otel.service_version', 'spectra.otel.resource_attributes', 'spectra.otel.span_builder',
    'spectra.otel.certificate', 'spectra.otel.client_certificate', 'spectra.otel.client_key', 'spectra.export_mode',
    'spectra.shutdown_timeout_ms', 'spectra.queue.max_bytes'];
$missing = array_filter($directives, fn ($d) => !str_contains($section, $d));
echo 'directives listed: ', count($directives) - count($missing), '/', count($directives), "\n";
$provider_hosts = array_filter(array_keys(ini_get_all('spectra')), fn ($d) => str_starts_with($d, 'spectra.providers.'));
echo 'ini_get_all: ', count(ini_get_all('spectra')) - count($provider_hosts), " + provider hosts listed: ",
    count(array_filter($provider_hosts, fn ($d) => str_contains($section, $d))) === count($provider_hosts) ? 'all' : 'not all', "\n";
$stats = Spectra\Spectra::stats();
echo implode(',', array_keys($stats)), "\n";
var_dump(Spectra\Spectra::flush(), Spectra\Spectra::flush(0));
?>
--EXPECT--
Spectra AI observability => enabled: yes
Built-in price catalog => 1911 prices: yes
Price catalog source => @pydantic/genai-prices 0.1.8 (2026-09-23), 1694 models; 217 rows of data/pricing-catalog.csv: yes
Export exporter => none: yes
Export sent => 0: yes
Export dropped => 0: yes
Export thread_alive => : yes
directives listed: 25/25
ini_get_all: 28 + provider hosts listed: all
exporter,mode,protocol,endpoint,pending,queued,sent,dropped,failed,retries,rejected,queue_bytes,posts,max_in_flight,backpressure_waits,last_status,last_error,thread_alive,pid,streams,stream_events,stream_events_unreadable,stream_framing_lost
bool(true)
bool(true)
