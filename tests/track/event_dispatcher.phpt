--TEST--
spectra.event_dispatcher: the named function (Laravel's event helper) receives every RequestTracked after the listeners
--INI--
spectra.event_dispatcher=app_event
--FILE--
<?php
use Spectra\Spectra;
use Spectra\Events\RequestTracked;
function app_event($event) {
    echo 'dispatcher got ', get_class($event), ' for ', $event->request['model'], "\n";
    try { $event->request = []; } catch (Error $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
}
Spectra::listen(function (RequestTracked $e) { echo "listener first\n"; });
Spectra::track('openai', 'gpt-4.1', fn () => []);
$manual = new RequestTracked(['model' => 'x']);
var_dump($manual->request);
?>
--EXPECT--
listener first
dispatcher got Spectra\Events\RequestTracked for gpt-4.1
Error: Cannot modify readonly property Spectra\Events\RequestTracked::$request
array(1) {
  ["model"]=>
  string(1) "x"
}
