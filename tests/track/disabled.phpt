--TEST--
spectra.enabled=0 is a kill switch: callbacks still run and return, nothing is recorded or dispatched
--INI--
spectra.enabled=0
--FILE--
<?php
use Spectra\Spectra;
Spectra::listen(function () { echo "listener must not run\n"; });
var_dump(Spectra::isEnabled());
var_dump(Spectra::track('openai', 'gpt-4o', fn ($ctx) => get_class($ctx)));
$ctx = Spectra::startRequest('openai', 'gpt-4o');
var_dump(Spectra::recordSuccess($ctx, ['usage' => ['prompt_tokens' => 1]]));
try {
    Spectra::track('openai', 'gpt-4o', function () { throw new LogicException('still thrown'); });
} catch (LogicException $e) { echo $e->getMessage(), "\n"; }
?>
--EXPECT--
bool(false)
string(22) "Spectra\RequestContext"
array(0) {
}
still thrown
