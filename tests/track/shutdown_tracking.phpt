--TEST--
Tracking from a shutdown function and from a destructor at script end still records (listeners run, span exported); nothing runs after RSHUTDOWN
--INI--
spectra.otel.exporter=console
--FILE--
<?php
use Spectra\Spectra;
Spectra::listen(function ($e) { echo "listener: ", $e->request['model'], "\n"; });
class Holder {
    public function __destruct() {
        Spectra::track('openai', 'from-destructor', fn () => []);
        echo "destructor done\n";
    }
}
$holder = new Holder();
register_shutdown_function(function () {
    Spectra::track('openai', 'from-shutdown-function', fn () => []);
    echo "shutdown function done\n";
});
echo "script end\n";
?>
--EXPECTF--
script end
listener: from-shutdown-function
span chat from-shutdown-function %s
shutdown function done
listener: from-destructor
span chat from-destructor %s
destructor done
