--TEST--
exit() inside the tracked callback ends the script and records nothing half-done
--FILE--
<?php
use Spectra\Spectra;
Spectra::listen(function ($e) { echo "listener called\n"; });
register_shutdown_function(function () { echo "shutdown\n"; });
Spectra::track('openai', 'gpt-4o', function () { echo "in callback\n"; exit(0); });
echo "not reached\n";
?>
--EXPECT--
in callback
shutdown
