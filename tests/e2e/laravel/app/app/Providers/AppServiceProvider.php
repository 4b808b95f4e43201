<?php

namespace App\Providers;

use App\Listeners\RecordAiCall;
use Illuminate\Support\Facades\Event;
use Illuminate\Support\Facades\Route;
use Illuminate\Support\ServiceProvider;
use Spectra\Events\RequestTracked;

final class AppServiceProvider extends ServiceProvider
{
    public function boot(): void
    {
        // ext-spectra calls event(new RequestTracked(...)) because php.ini says
        // spectra.event_dispatcher=event; Laravel's dispatcher hands it to the listener.
        Event::listen(RequestTracked::class, RecordAiCall::class);

        Route::middleware('api')->group(base_path('routes/web.php'));
    }
}
