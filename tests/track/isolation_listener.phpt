--TEST--
A throwing listener becomes one warning naming it; other listeners still run and the app's value is untouched
--FILE--
<?php
use Spectra\Spectra;
$calls = [];
Spectra::listen(function ($e) use (&$calls) { $calls[] = 'first'; throw new LogicException('listener broke'); });
Spectra::listen(function ($e) use (&$calls) { $calls[] = 'second:' . $e->request['model']; });
$value = Spectra::track('openai', 'gpt-4o', fn () => 'app-result');
var_dump($value, $calls);

// The app's own exception is rethrown untouched even when a listener throws too.
try {
    Spectra::track('openai', 'gpt-4o', function () { throw new DomainException('app failure'); });
} catch (DomainException $e) {
    echo 'caught ', get_class($e), ': ', $e->getMessage(), ' previous=', var_export($e->getPrevious(), true), "\n";
}
echo "still running\n";
?>
--EXPECTF--
Warning: Spectra\Spectra::track(): Spectra: RequestTracked listener threw LogicException: listener broke in %s on line %d
string(10) "app-result"
array(2) {
  [0]=>
  string(5) "first"
  [1]=>
  string(13) "second:gpt-4o"
}

Warning: Spectra\Spectra::track(): Spectra: RequestTracked listener threw LogicException: listener broke in %s on line %d
caught DomainException: app failure previous=NULL
still running
