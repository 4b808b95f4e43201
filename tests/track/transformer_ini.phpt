--TEST--
spectra.request_transformer names a transformer class that is autoloaded on first use; a bad name warns once and falls back
--INI--
spectra.request_transformer=App\Spectra\Redactor
--FILE--
<?php
use Spectra\Spectra;
spl_autoload_register(function ($class) {
    echo "autoload $class\n";
    if ($class === 'App\Spectra\Redactor') {
        eval('namespace App\Spectra; class Redactor extends \Spectra\Support\RequestTransformer {
            public function transform(array $r): array { $r = parent::transform($r); $r["redacted"] = true; unset($r["trackable_id"]); return $r; } }');
    }
});
$last = null;
Spectra::listen(function ($e) use (&$last) { $last = $e->request; });
Spectra::track('openai', 'gpt-4o', fn () => []);
Spectra::track('openai', 'gpt-4o', fn () => []);
var_dump($last['redacted'], array_key_exists('trackable_id', $last));
ini_set('spectra.request_transformer', 'Nope\Missing');
?>
--EXPECT--
autoload App\Spectra\Redactor
bool(true)
bool(false)
