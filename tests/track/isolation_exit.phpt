--TEST--
exit() inside a listener still ends the script; the app's return path is not resumed
--FILE--
<?php
use Spectra\Spectra;
register_shutdown_function(function () { echo "shutdown ran\n"; });
Spectra::listen(function ($e) { echo "listener sees ", $e->request['provider'], "\n"; exit(3); });
Spectra::track('openai', 'gpt-4o', fn () => []);
echo "not reached\n";
?>
--EXPECT--
listener sees openai
shutdown ran
