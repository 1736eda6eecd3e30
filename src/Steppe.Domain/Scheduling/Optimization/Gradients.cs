namespace Steppe.Domain.Scheduling.Optimization;

/// <summary>The loss of one prediction and its exact gradient with respect to the 21 parameters, by carrying
/// dS/dw and dD/dw forward through the FSRS-6 recurrence (forward-mode differentiation, written out by hand
/// for each formula of <see cref="Fsrs6"/>).</summary>
internal static class Gradients
{
    public const int N = FsrsParameters.Fsrs6Count;

    /// <summary>Adds weight × the cross-entropy of predicting review <paramref name="index"/> of the card from
    /// the reviews before it to <paramref name="gradient"/>; returns weight × the loss.</summary>
    public static double Accumulate(ReadOnlySpan<double> w, CardHistory card, int index, double weight, Span<double> gradient)
    {
        Span<double> gS = stackalloc double[N];
        Span<double> gD = stackalloc double[N];
        Span<double> nS = stackalloc double[N];
        Span<double> nD = stackalloc double[N];
        var (s, d) = Initial(w, card.Ratings[0], gS, gD);
        for (var i = 1; i < index; i++)
        {
            (s, d) = Step(w, s, d, card.DeltaDays[i], card.Ratings[i], gS, gD, nS, nD);
            nS.CopyTo(gS);
            nD.CopyTo(gD);
        }

        // Prediction R(t, S) and the binary cross-entropy against recall.
        var (r, dRdS, dRdW20) = Retrievability(w, card.DeltaDays[index], s);
        var clamped = r < 1e-7 || r > 1 - 1e-7;
        r = Math.Clamp(r, 1e-7, 1 - 1e-7);
        var y = card.Ratings[index] == Rating.Again ? 0.0 : 1.0;
        var loss = -(y * Math.Log(r) + (1 - y) * Math.Log(1 - r));
        if (!clamped)
        {
            var dLdR = -(y / r - (1 - y) / (1 - r)) * weight;
            for (var k = 0; k < N; k++)
            {
                gradient[k] += dLdR * dRdS * gS[k];
            }
            gradient[20] += dLdR * dRdW20;
        }
        return loss * weight;
    }

    private static (double S, double D) Initial(ReadOnlySpan<double> w, Rating rating, Span<double> gS, Span<double> gD)
    {
        gS.Clear();
        gD.Clear();
        var g = (int)rating;
        var s = w[g - 1];
        if (s is >= ParameterBounds.StabilityMin and <= ParameterBounds.StabilityMax)
        {
            gS[g - 1] = 1;
        }
        var e = Math.Exp(w[5] * (g - 1));
        var d = w[4] - e + 1;
        if (d is >= 1 and <= 10)
        {
            gD[4] = 1;
            gD[5] = -(g - 1) * e;
        }
        return (Fsrs6.ClampStability(s), Fsrs6.ClampDifficulty(d));
    }

    /// <summary>R(t, S) with ∂R/∂S and ∂R/∂w20.</summary>
    private static (double R, double DS, double DW20) Retrievability(ReadOnlySpan<double> w, double t, double s)
    {
        var decay = -w[20];
        var p = Math.Pow(0.9, 1.0 / decay);
        var factor = p - 1.0;
        var u = 1.0 + factor * t / s;
        var r = Math.Pow(u, decay);
        var dRdS = r * decay / u * (-factor * t / (s * s));
        var dFactorDDecay = p * Math.Log(0.9) * (-1.0 / (decay * decay));
        var dRdDecay = r * (Math.Log(u) + decay / u * (t / s) * dFactorDDecay);
        return (r, dRdS, -dRdDecay);
    }

    /// <summary>One review after the first: new S and D into (nS, nD) gradients.</summary>
    private static (double S, double D) Step(ReadOnlySpan<double> w, double s, double d, int t, Rating rating,
        ReadOnlySpan<double> gS, ReadOnlySpan<double> gD, Span<double> nS, Span<double> nD)
    {
        var g = (int)rating;
        nS.Clear();
        nD.Clear();
        double next, dS, dD;          // new S and its partials with respect to the old S and D
        if (t == 0)
        {
            var sinc = Math.Exp(w[17] * (g - 3 + w[18])) * Math.Pow(s, -w[19]);
            if (g >= 2 && sinc < 1)
            {
                (next, dS, dD) = (s, 1, 0);
            }
            else
            {
                next = s * sinc;
                (dS, dD) = (sinc * (1 - w[19]), 0);
                nS[17] = next * (g - 3 + w[18]);
                nS[18] = next * w[17];
                nS[19] = -next * Math.Log(s);
            }
        }
        else
        {
            var (r, dRdS, dRdW20) = Retrievability(w, t, s);
            double dNextDR;
            if (g == 1)
            {
                var core = w[11] * Math.Pow(d, -w[12]);
                var grow = Math.Pow(s + 1, w[13]);
                var ex = Math.Exp(w[14] * (1 - r));
                var forgot = core * (grow - 1) * ex;
                var cap = s / Math.Exp(w[17] * w[18]);
                if (forgot <= cap)
                {
                    next = forgot;
                    dS = core * w[13] * grow / (s + 1) * ex;
                    dD = -w[12] * forgot / d;
                    dNextDR = -w[14] * forgot;
                    nS[11] = forgot / w[11];
                    nS[12] = -Math.Log(d) * forgot;
                    nS[13] = core * grow * Math.Log(s + 1) * ex;
                    nS[14] = forgot * (1 - r);
                }
                else
                {
                    next = cap;
                    (dS, dD, dNextDR) = (1 / Math.Exp(w[17] * w[18]), 0, 0);
                    nS[17] = -cap * w[18];
                    nS[18] = -cap * w[17];
                }
            }
            else
            {
                var hard = g == 2 ? w[15] : 1.0;
                var easy = g == 4 ? w[16] : 1.0;
                var e8 = Math.Exp(w[8]);
                var sw = Math.Pow(s, -w[9]);
                var e10 = Math.Exp(w[10] * (1 - r));
                var inc = e8 * (11 - d) * sw * (e10 - 1) * hard * easy;
                next = s * (1 + inc);
                dS = 1 + inc * (1 - w[9]);
                dD = -s * e8 * sw * (e10 - 1) * hard * easy;
                dNextDR = s * e8 * (11 - d) * sw * (-w[10] * e10) * hard * easy;
                nS[8] = s * inc;
                nS[9] = -s * inc * Math.Log(s);
                nS[10] = s * e8 * (11 - d) * sw * (1 - r) * e10 * hard * easy;
                if (g == 2)
                {
                    nS[15] = s * inc / w[15];
                }
                if (g == 4)
                {
                    nS[16] = s * inc / w[16];
                }
            }
            dS += dNextDR * dRdS;
            nS[20] += dNextDR * dRdW20;
        }

        var nextD = NextDifficulty(w, d, g, gD, nD);
        if (next is < ParameterBounds.StabilityMin or > ParameterBounds.StabilityMax)
        {
            nS.Clear();
            return (Fsrs6.ClampStability(next), nextD);
        }
        for (var k = 0; k < N; k++)
        {
            nS[k] += dS * gS[k] + dD * gD[k];
        }
        return (next, nextD);
    }

    private static double NextDifficulty(ReadOnlySpan<double> w, double d, int g, ReadOnlySpan<double> gD, Span<double> nD)
    {
        var delta = -w[6] * (g - 3);
        var damped = d + delta * (10 - d) / 9;
        var e5 = Math.Exp(3 * w[5]);
        var easyD0 = w[4] - e5 + 1;
        var reverted = w[7] * easyD0 + (1 - w[7]) * damped;
        if (reverted is < 1 or > 10)
        {
            return Fsrs6.ClampDifficulty(reverted);
        }
        var dDamped = (1 - w[7]) * (1 - delta / 9);
        for (var k = 0; k < N; k++)
        {
            nD[k] = dDamped * gD[k];
        }
        nD[4] += w[7];
        nD[5] += w[7] * -3 * e5;
        nD[6] += (1 - w[7]) * -(g - 3) * (10 - d) / 9;
        nD[7] += easyD0 - damped;
        return reverted;
    }
}
