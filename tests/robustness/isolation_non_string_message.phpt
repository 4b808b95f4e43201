--TEST--
Callback isolation holds when an exception's message is not a string (array, object), also under a throwing error handler, and track() rethrows the application's own exception
--EXTENSIONS--
spectra
--FILE--
<?php
use Spectra\Spectra;

$log = tempnam(sys_get_temp_dir(), 'spectra-log');
ini_set('error_log', $log);

// Laravel-style: every warning becomes an ErrorException
set_error_handler(function ($severity, $message) {
    throw new ErrorException($message, 0, $severity);
});

final class OddException extends RuntimeException
{
    public function __construct(mixed $message)
    {
        parent::__construct('placeholder');
        $this->message = $message; // user code may put anything here
    }
}

$messages = ['array' => ['a' => 1], 'object' => new stdClass(), 'int' => 42];
foreach ($messages as $label => $odd) {
    Spectra::listen(function () use ($odd) {
        throw new OddException($odd);
    });
    try {
        Spectra::track('openai', 'gpt-4o-mini', function () {
            throw new LogicException("app failure");
        });
    } catch (Throwable $e) {
        echo "$label: caught ", get_class($e), ': ', $e->getMessage(), "\n";
    }
    // and on the success path, the callback's value comes back unchanged
    $value = Spectra::track('openai', 'gpt-4o-mini', fn () => ['usage' => ['prompt_tokens' => 1], 'tag' => $label]);
    echo "$label: returned ", $value['tag'], "\n";
}
restore_error_handler();
echo "done\n";
// the warnings our isolation could not raise (the handler throws) went to the error log
foreach (file($log) as $line) {
    echo preg_replace('/^\[[^\]]*\] /', '', $line);
}
unlink($log);
?>
--EXPECT--
array: caught LogicException: app failure
array: returned array
object: caught LogicException: app failure
object: returned object
int: caught LogicException: app failure
int: returned int
done
PHP Warning:  Spectra: RequestTracked listener threw OddException (its message is array, not a string)
PHP Warning:  Spectra: RequestTracked listener threw OddException (its message is array, not a string)
PHP Warning:  Spectra: RequestTracked listener threw OddException (its message is array, not a string)
PHP Warning:  Spectra: RequestTracked listener threw OddException (its message is stdClass, not a string)
PHP Warning:  Spectra: RequestTracked listener threw OddException (its message is array, not a string)
PHP Warning:  Spectra: RequestTracked listener threw OddException (its message is stdClass, not a string)
PHP Warning:  Spectra: RequestTracked listener threw OddException (its message is array, not a string)
PHP Warning:  Spectra: RequestTracked listener threw OddException (its message is stdClass, not a string)
PHP Warning:  Spectra: RequestTracked listener threw OddException (its message is int, not a string)
PHP Warning:  Spectra: RequestTracked listener threw OddException (its message is array, not a string)
PHP Warning:  Spectra: RequestTracked listener threw OddException (its message is stdClass, not a string)
PHP Warning:  Spectra: RequestTracked listener threw OddException (its message is int, not a string)
