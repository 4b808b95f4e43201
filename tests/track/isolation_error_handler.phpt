--TEST--
An error handler that turns warnings into exceptions (as Laravel's does) cannot break the request: the warning goes to the error log, the app's value is returned
--INI--
spectra.otel.exporter=console
error_log=
--FILE--
<?php
use Spectra\Spectra;
use Spectra\Integrations\OpenTelemetry\DefaultSpanBuilder;
set_error_handler(function (int $severity, string $message) { throw new ErrorException($message, 0, $severity); });
$calls = [];
Spectra::listen(function () use (&$calls) { $calls[] = 'first'; throw new RuntimeException('listener broke'); });
Spectra::listen(function () use (&$calls) { $calls[] = 'second'; });
Spectra::useSpanBuilder(new class extends DefaultSpanBuilder {
    protected function attributes(array $data): array { throw new LogicException('attributes broke'); }
});
$value = Spectra::track('openai', 'gpt-4o', fn () => 'app value');
var_dump($value, $calls);
try {
    Spectra::track('openai', 'gpt-4o', function () { throw new DomainException('app failure'); });
} catch (Throwable $e) {
    echo 'caught ', get_class($e), ': ', $e->getMessage(), "\n";
}
?>
--EXPECTF--
PHP Warning:  Spectra: RequestTracked listener threw RuntimeException: listener broke
PHP Warning:  Spectra: span builder threw LogicException: attributes broke
span chat gpt-4o %s
string(9) "app value"
array(2) {
  [0]=>
  string(5) "first"
  [1]=>
  string(6) "second"
}
PHP Warning:  Spectra: RequestTracked listener threw RuntimeException: listener broke
PHP Warning:  Spectra: span builder threw LogicException: attributes broke
span chat gpt-4o %s
caught DomainException: app failure
